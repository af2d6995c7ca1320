/**
 * Subjects of both programmes (第3章, 第9章, 別紙2, 別紙3): the city's files imported row by row into one record
 * per 宛名番号, the システム更新結果報告書 of every import, and the look-up agents use while a caller talks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subjects")
package jp.ikiiki.desk.subjects;
