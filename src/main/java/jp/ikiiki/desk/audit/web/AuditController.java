package jp.ikiiki.desk.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditEntry;
import jp.ikiiki.desk.audit.AuditFilter;
import jp.ikiiki.desk.audit.AuditQueries;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over HTTP, for the information-security manager (SECURITY_ADMIN). Parameters out of range are
 * refused with 400 naming the parameter (offset ≥ 0, 1 ≤ limit ≤ 1000, from before to, texts of at most 200
 * characters), never clamped silently.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "監査ログ (SECURITY_ADMIN)")
class AuditController {

	private final AuditQueries audit;

	AuditController(AuditQueries audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Audit entries, newest first", description = "subject: a 宛名番号 — entries that name this person; "
			+ "from/to: ISO date-times (2026-04-01T00:00:00+09:00), from inclusive, to exclusive")
	List<AuditEntry> find(@RequestParam(required = false) @Size(max = 200) String subject,
			@RequestParam(required = false) @Size(max = 64) String user,
			@RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) @Size(max = 200) String text,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000_000) int offset,
			@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInputException("from", "from は to より前の日時にしてください");
		}
		return audit.find(new AuditFilter(subject, user, action, from, to, text), offset, limit);
	}
}
