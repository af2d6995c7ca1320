/**
 * Point notices (第8章2–3). Declares what the notice run asks other modules, such as who has a registered account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package jp.ikiiki.desk.notices;
