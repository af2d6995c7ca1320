package jp.ikiiki.desk.security;

import java.util.List;

/**
 * The five roles. Least privilege: each screen and service names the roles that need it.
 * Constants are the bare names (for {@code @RolesAllowed} and {@code hasRole}); authorities carry the
 * {@code ROLE_} prefix.
 */
public final class Roles {
	/** Call agent: looks callers up, logs calls. Never sees bank details. */
	public static final String AGENT = "AGENT";
	/** 現場責任者: line pools, answer rate, answer manual. */
	public static final String FLOOR_MANAGER = "FLOOR_MANAGER";
	/** Operator: imports, mailings, keying, payments. */
	public static final String OPERATOR = "OPERATOR";
	/** 発注者 (city staff): read-only reports and deliveries. */
	public static final String CITY_STAFF = "CITY_STAFF";
	/** 情報管理責任者: users, roles, audit trail, erasure. May not also be FLOOR_MANAGER. */
	public static final String SECURITY_ADMIN = "SECURITY_ADMIN";

	public static final List<String> ALL = List.of(AGENT, FLOOR_MANAGER, OPERATOR, CITY_STAFF, SECURITY_ADMIN);

	/** Japanese label of a role, for screens. */
	public static String label(String role) {
		return switch (role) {
			case AGENT -> "オペレーター";
			case FLOOR_MANAGER -> "現場責任者";
			case OPERATOR -> "事務担当";
			case CITY_STAFF -> "発注者（市職員）";
			case SECURITY_ADMIN -> "情報管理責任者";
			default -> role;
		};
	}

	private Roles() {
	}
}
