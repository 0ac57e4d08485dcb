package io.laurel.staff;

import io.laurel.identity.LaurelGroups;
import io.laurel.organisation.Invitations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An admin invites staff (HR, association staff, other admins): the Camunda user is created without a password
 * and mailed a one-time link. The link's page, open to anyone holding a valid link, sets the password.
 */
@Controller
class StaffUsersController {

    static final Map<String, String> STAFF_GROUPS = Map.of(LaurelGroups.HR, "人力资源部",
            LaurelGroups.ASSOCIATION_STAFF, "协会秘书处", LaurelGroups.ADMIN, "系统管理员");

    private final IdentityService identity;
    private final Invitations invitations;

    StaffUsersController(IdentityService identity, Invitations invitations) {
        this.identity = identity;
        this.invitations = invitations;
    }

    @GetMapping("/staff/users")
    String users(Authentication caller, Model model) {
        requireAdmin(caller);
        model.addAttribute("groups", STAFF_GROUPS);
        return "staff/users";
    }

    @PostMapping("/staff/users")
    String invite(@RequestParam(required = false) String userId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String email, @RequestParam(required = false) String group,
            Authentication caller, Model model) {
        requireAdmin(caller);
        model.addAttribute("groups", STAFF_GROUPS);
        String id = userId == null ? "" : userId.strip();
        if (!id.matches("[a-zA-Z0-9._-]{1,64}")) {
            model.addAttribute("error", "用户名: 必填,只能包含英文字母、数字、点、下划线和连字符");
        } else if (name == null || name.isBlank() || email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            model.addAttribute("error", "请填写姓名和有效的邮箱(接收邀请邮件)");
        } else if (!STAFF_GROUPS.containsKey(group)) {
            model.addAttribute("error", "请选择所属部门");
        } else if (identity.createUserQuery().userId(id).count() > 0) {
            invitations.invite(id, StaffUploadController.baseUrl(), "系统管理员为您重新发送了账号邀请。");
            model.addAttribute("info", "用户 " + id + " 已存在,已重新发送设置密码的邀请邮件。");
        } else {
            invitations.createAndInvite(id, name.strip(), email.strip(), List.of(group), StaffUploadController.baseUrl(),
                    "系统管理员邀请您加入「" + STAFF_GROUPS.get(group) + "」,使用 Laurel 评优评选工作台。");
            model.addAttribute("info", "已创建用户 " + id + ",邀请邮件已发送至 " + email.strip() + "。");
        }
        return "staff/users";
    }

    @GetMapping("/staff/invitation")
    String invitation(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        Optional<String> user = invitations.userOf(token);
        if (user.isEmpty()) {
            model.addAttribute("error", "邀请链接无效、已使用或已过期,请联系人力资源部或协会秘书处重新发送邀请。");
        }
        model.addAttribute("invitedUser", user.orElse(null));
        model.addAttribute("minLength", Invitations.MIN_PASSWORD_LENGTH);
        return "staff/invitation";
    }

    @PostMapping("/staff/invitation")
    String setPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeated, Model model) {
        Optional<String> user = invitations.userOf(token);
        Optional<String> refused = invitations.setPassword(token, password, repeated);
        if (refused.isPresent()) {
            model.addAttribute("error", refused.get());
            model.addAttribute("token", token);
            model.addAttribute("invitedUser", user.orElse(null));
            model.addAttribute("minLength", Invitations.MIN_PASSWORD_LENGTH);
            return "staff/invitation";
        }
        model.addAttribute("info", "密码已设置。请用用户名 " + user.orElse("") + " 和新密码登录。");
        return "staff/login";
    }

    private static void requireAdmin(Authentication caller) {
        if (caller.getAuthorities().stream().noneMatch(a -> LaurelGroups.ADMIN.equals(a.getAuthority()))) {
            throw new AccessDeniedException("camunda-admin only");
        }
    }
}
