/**
 * Named users, roles and sign-in (第11章): BCrypt passwords, lock-out after repeated failures, session
 * time-out, and the rule that the information-security manager is not also a floor manager (第1章3(3)).
 * Other modules use {@link jp.ikiiki.desk.security.Roles} in their {@code @PreAuthorize} and {@code @RolesAllowed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package jp.ikiiki.desk.security;
