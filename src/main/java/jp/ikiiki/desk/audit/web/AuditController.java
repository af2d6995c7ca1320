package jp.ikiiki.desk.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditEntry;
import jp.ikiiki.desk.audit.AuditFilter;
import jp.ikiiki.desk.audit.AuditQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for the information-security manager (SECURITY_ADMIN). */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "監査ログ (SECURITY_ADMIN)")
class AuditController {

	private final AuditQueries audit;

	AuditController(AuditQueries audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Audit entries, newest first", description = "subject: a 宛名番号 — entries that name this person")
	List<AuditEntry> find(@RequestParam(required = false) String subject, @RequestParam(required = false) String user,
			@RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "200") int limit) {
		return audit.find(new AuditFilter(subject, user, action, from, to, text), offset, Math.min(limit, 1000));
	}
}
