/**
 * Small building blocks every module may use: Japanese text normalisation (kana, width), Japanese-era dates,
 * the JIS X 0208 printability check, the one time zone ({@link jp.ikiiki.desk.shared.JapanTime}), the acting user
 * ({@link jp.ikiiki.desk.shared.CurrentUser}), the domain refusals every module throws
 * ({@link jp.ikiiki.desk.shared.DomainException}) and chart rendering. No state, no Spring beans.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.ikiiki.desk.shared;
