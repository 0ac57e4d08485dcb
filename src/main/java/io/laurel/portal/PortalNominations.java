package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.mail.MailService;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRequest;
import io.laurel.nomination.NominationService;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.web.ApiException;
import io.laurel.web.InputRules;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nominations from the public pages. Every one is registered by {@link NominationService#submit}, the
 * same call as {@code POST /api/campaigns/{id}/nominations}, so it meets the same checks (channel, award,
 * roster, window, duplicates) and lands in the running award-selection instance the same way: the
 * process reads the campaign's nominations when the nomination deadline passes.
 */
@Service
class PortalNominations {

    static final Duration CONFIRMATION_VALID = Duration.ofHours(48);
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What a self or peer nominator typed. {@code nomineeNumber} is ignored for self-nominations. */
    record EmployeeForm(String employeeNumber, String code, String nomineeNumber, String awardCode, String reason) {
    }

    /** What a customer typed; the employee is found by number or else by name within a department. */
    record CustomerForm(String customerName, String customerEmail, String customerPhone, String department,
            String employeeName, String employeeNumber, String awardCode, String serviceCase, String reason) {
    }

    private final CampaignService campaigns;
    private final PortalCampaigns loader;
    private final NominationService nominations;
    private final EmployeeRepository employees;
    private final OneTimeCodes codes;
    private final PortalLimits limits;
    private final MaterialUploads uploads;
    private final MailService mail;
    private final JdbcTemplate jdbc;
    private final PortalTime time;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();

    PortalNominations(PortalCampaigns loader, CampaignService campaigns, NominationService nominations, EmployeeRepository employees,
            OneTimeCodes codes, PortalLimits limits, MaterialUploads uploads, MailService mail, JdbcTemplate jdbc,
            PortalTime time, PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.loader = loader;
        this.nominations = nominations;
        this.employees = employees;
        this.codes = codes;
        this.limits = limits;
        this.uploads = uploads;
        this.mail = mail;
        this.jdbc = jdbc;
        this.time = time;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Mails a one-time code to the roster email of the employee; answers the masked address. The limits are
     * taken before the transaction (each takes a pooled connection of its own).
     */
    public String requestCode(Long campaignId, String employeeNumber, String ip) {
        Campaign campaign = campaigns.get(campaignId);
        nominations.requireOpenWindow(campaign);
        ApiException.requireText(employeeNumber, "employeeNumber", "您的工号");
        Employee employee = employee(campaign, employeeNumber, "employeeNumber");
        if (employee.getEmail() == null || employee.getEmail().isBlank()) {
            throw ApiException.badRequest("employeeNumber", "花名册中没有工号 " + employee.getEmployeeNumber()
                    + " 的邮箱,无法发送验证码,请联系人力资源部");
        }
        limits.mailRequest(campaignId, ip, employee.getEmail().trim().toLowerCase(java.util.Locale.ROOT));
        tx.executeWithoutResult(s -> codes.issue(campaignId, campaign.getName(), OneTimeCodes.Purpose.NOMINATE,
                employee.getEmployeeNumber(), employee.getEmail(), ip));
        return masked(employee.getEmail());
    }

    /**
     * Self or peer nomination with its materials, all or nothing: the code, the files and the nomination
     * are checked and written in one transaction, so a refused file leaves no nomination behind.
     */
    public Nomination submitByEmployee(Long campaignId, NominationChannel channel, EmployeeForm form,
            List<MaterialUploads.Upload> files) {
        return tx.execute(status -> {
            Campaign campaign = campaigns.get(campaignId);
            ApiException.requireText(form.employeeNumber(), "employeeNumber", "您的工号");
            Employee nominator = employee(campaign, form.employeeNumber(), "employeeNumber");
            codes.spend(campaignId, OneTimeCodes.Purpose.NOMINATE, nominator.getEmployeeNumber(), form.code());
            String nominee = nominator.getEmployeeNumber();
            if (channel == NominationChannel.PEER) {
                ApiException.requireText(form.nomineeNumber(), "nomineeNumber", "被提名同事的工号");
                nominee = form.nomineeNumber().trim();
                if (nominee.equals(nominator.getEmployeeNumber())) {
                    throw ApiException.badRequest("nomineeNumber", "同事提名不能提名自己;本人参评请使用「自荐」");
                }
            }
            uploads.check(files);
            Nomination nomination = nominations.submit(campaignId, new NominationRequest(channel.name(),
                    form.awardCode(), nominee, nominator.getName() + "(工号 " + nominator.getEmployeeNumber() + ")",
                    nominator.getEmail(), form.reason()));
            uploads.attach(nomination.getId(), files);
            String awardName = campaign.award(nomination.getAwardCode()).map(a -> a.getName()).orElse("");
            mail.queue(nominator.getEmail(), "portal-nomination-submitted", Map.of("campaignName", campaign.getName(),
                    "campaignId", campaignId, "nominatorName", nominator.getName(),
                    "self", channel == NominationChannel.SELF, "candidateName", nomination.getCandidateName(),
                    "awardName", awardName, "nominationId", nomination.getId(), "files", files.size()));
            return nomination;
        });
    }

    /**
     * Checks a customer recommendation exactly as its registration would (a {@link NominationService#submit}
     * that is rolled back), stores it as pending and mails the confirmation link. Answers the masked email.
     */
    public String recommend(Long campaignId, CustomerForm form, String ip) {
        Campaign campaign = loader.get(campaignId);
        InputRules.requireText(form.customerName(), "customerName", "您的姓名", InputRules.SHORT);
        InputRules.requireText(form.customerEmail(), "customerEmail", "您的邮箱", InputRules.SHORT);
        String email = form.customerEmail().trim();
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("customerEmail", "您的邮箱格式不正确: " + email);
        }
        ApiException.requireText(form.serviceCase(), "serviceCase", "服务案例");
        ApiException.requireText(form.reason(), "reason", "推荐理由");
        String employeeNumber = customerCandidate(campaign, form);
        NominationRequest request = customerRequest(form, employeeNumber);
        // Each recommendation mails its link: limited per client and per mailbox, so the form cannot be used to
        // flood someone else's inbox.
        limits.mailRequest(campaignId, ip, VoterAddress.normalise(email));
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            nominations.submit(campaignId, request);
        });
        String token = token();
        Instant now = time.now();
        Instant expires = now.plus(CONFIRMATION_VALID);
        Employee candidate = employees.findByCampaignIdAndEmployeeNumber(campaignId, employeeNumber).orElseThrow();
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into portal_recommendation (campaign_id, token_hash, award_code, employee_number, "
                            + "customer_name, customer_email, customer_phone, reason, expires_at, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    campaignId, OneTimeCodes.hash("recommendation", token), request.awardCode(), employeeNumber,
                    form.customerName().trim(), email, blankToNull(form.customerPhone()), request.reason(),
                    Timestamp.from(expires), Timestamp.from(now));
            mail.queue(email, "portal-recommendation", Map.of("campaignName", campaign.getName(),
                    "customerName", form.customerName().trim(),
                    "candidate", candidate.getName() + "(" + candidate.getDepartment() + ")",
                    "awardName", campaign.award(request.awardCode()).map(a -> a.getName()).orElse(""),
                    "campaignId", campaignId, "token", token,
                    "expiresAt", WHEN.format(LocalDateTime.ofInstant(expires, campaign.zoneId()))));
        });
        return masked(email);
    }

    /** A pending recommendation by its link's token, for the confirmation page. */
    public Pending pending(Long campaignId, String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.notFound("确认链接无效:缺少确认码,请使用邮件中的完整链接");
        }
        List<Pending> rows = jdbc.query("select id, award_code, employee_number, customer_name, customer_email, "
                        + "customer_phone, reason, expires_at, confirmed_at, nomination_id from portal_recommendation "
                        + "where campaign_id = ? and token_hash = ?",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getObject(10) == null ? null : rs.getLong(10)),
                campaignId, OneTimeCodes.hash("recommendation", token.trim()));
        if (rows.isEmpty()) {
            throw ApiException.notFound("确认链接无效:请使用邮件中的完整链接");
        }
        return rows.get(0);
    }

    record Pending(long id, String awardCode, String employeeNumber, String customerName, String customerEmail,
            String customerPhone, String reason, Instant expiresAt, Instant confirmedAt, Long nominationId) {
    }

    /** Registers the recommendation once its link is confirmed within its validity. */
    public Nomination confirm(Long campaignId, String token) {
        return tx.execute(status -> {
            Pending pending = pending(campaignId, token);
            if (pending.confirmedAt() != null) {
                throw ApiException.conflict("该推荐已于之前确认,无需重复确认");
            }
            if (time.now().isAfter(pending.expiresAt())) {
                throw new ApiException(HttpStatus.GONE, "gone", "确认链接已过期(有效期 "
                        + CONFIRMATION_VALID.toHours() + " 小时),推荐未提交,请重新填写推荐", null);
            }
            Nomination nomination = nominations.submit(campaignId, new NominationRequest(
                    NominationChannel.CUSTOMER.name(), pending.awardCode(), pending.employeeNumber(),
                    pending.customerName(), contact(pending.customerEmail(), pending.customerPhone()), pending.reason()));
            int updated = jdbc.update("update portal_recommendation set confirmed_at = ?, nomination_id = ? "
                    + "where id = ? and confirmed_at is null", Timestamp.from(time.now()), nomination.getId(), pending.id());
            if (updated != 1) {
                throw ApiException.conflict("该推荐已于之前确认,无需重复确认");
            }
            Campaign campaign = campaigns.get(campaignId);
            mail.queue(pending.customerEmail(), "portal-recommendation-confirmed", Map.of(
                    "campaignName", campaign.getName(), "customerName", pending.customerName(),
                    "candidateName", nomination.getCandidateName(), "nominationId", nomination.getId()));
            return nomination;
        });
    }

    private NominationRequest customerRequest(CustomerForm form, String employeeNumber) {
        return new NominationRequest(NominationChannel.CUSTOMER.name(), form.awardCode(), employeeNumber,
                form.customerName().trim(), contact(form.customerEmail().trim(), form.customerPhone()),
                "服务案例:" + form.serviceCase().trim() + "\n推荐理由:" + form.reason().trim());
    }

    /** The employee the customer means: by number when given, else the one of that name in that department. */
    private String customerCandidate(Campaign campaign, CustomerForm form) {
        if (form.employeeNumber() != null && !form.employeeNumber().isBlank()) {
            return employee(campaign, form.employeeNumber(), "employeeNumber").getEmployeeNumber();
        }
        InputRules.requireText(form.employeeName(), "employeeName", "被推荐员工的姓名", InputRules.SHORT);
        InputRules.requireText(form.department(), "department", "被推荐员工的部门", InputRules.SHORT);
        List<Employee> matches = employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(campaign.getId(),
                form.department().trim()).stream().filter(e -> e.getName().equals(form.employeeName().trim())).toList();
        if (matches.isEmpty()) {
            throw ApiException.badRequest("employeeName", "「" + form.department().trim() + "」没有名为「"
                    + form.employeeName().trim() + "」的员工,请核对姓名和部门");
        }
        if (matches.size() > 1) {
            throw ApiException.badRequest("employeeNumber", "「" + form.department().trim() + "」有 " + matches.size()
                    + " 位名为「" + form.employeeName().trim() + "」的员工,请填写工号(可向该员工询问)");
        }
        return matches.get(0).getEmployeeNumber();
    }

    private Employee employee(Campaign campaign, String number, String field) {
        return employees.findByCampaignIdAndEmployeeNumber(campaign.getId(), number.trim())
                .orElseThrow(() -> ApiException.badRequest(field, "花名册中没有工号 " + number.trim()));
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String contact(String email, String phone) {
        return phone == null || phone.isBlank() ? email : email + " / " + phone.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String masked(String email) {
        int at = email.indexOf('@');
        if (at <= 1) {
            return "*" + email.substring(Math.max(at, 0));
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
