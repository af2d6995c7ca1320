/**
 * The append-only audit trail of 第11章: every search, view, export and download of personal data, every
 * import and every change to users, with who, when, what and from which screen or API call.
 * Other modules call {@link jp.ikiiki.desk.audit.AuditTrail}; only the information-security manager reads it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package jp.ikiiki.desk.audit;
