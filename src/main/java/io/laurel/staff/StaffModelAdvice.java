package io.laurel.staff;

import io.laurel.identity.LaurelGroups;
import io.laurel.identity.UserNames;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is logged in, for the header of every console page. */
@ControllerAdvice(basePackageClasses = StaffModelAdvice.class)
class StaffModelAdvice {

    private final UserNames names;

    StaffModelAdvice(UserNames names) {
        this.names = names;
    }

    @ModelAttribute("currentUser")
    String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName()) ? null : authentication.getName();
    }

    /** The header greets people by name (the id stays in the tooltip). */
    @ModelAttribute("currentUserName")
    String currentUserName() {
        String user = currentUser();
        String name = user == null ? null : names.nameOf(user);
        return name == null ? user : name;
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> LaurelGroups.ADMIN.equals(a.getAuthority()));
    }

    /** HR, association staff and admins see the console's pages; others only their own (我的提名). */
    @ModelAttribute("isStaff")
    boolean isStaff() {
        return has(LaurelGroups.HR) || has(LaurelGroups.ASSOCIATION_STAFF) || has(LaurelGroups.ADMIN);
    }

    @ModelAttribute("isHead")
    boolean isHead() {
        return has(LaurelGroups.DEPARTMENT_HEADS);
    }

    private static boolean has(String group) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> group.equals(a.getAuthority()));
    }
}
