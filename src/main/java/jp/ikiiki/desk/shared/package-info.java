/**
 * Small building blocks every module may use: Japanese text normalisation (kana, width), Japanese-era
 * dates, and the JIS X 0208 printability check. No state, no Spring beans.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.ikiiki.desk.shared;
