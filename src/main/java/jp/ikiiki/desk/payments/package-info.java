/**
 * Accounts and payments (第7章1(5), 第8章4–6, 第10章3): the bank and branch master, the returned 口座登録用紙 keyed
 * twice and checked, the registered accounts, reminders for missing or faulty accounts, the monthly payment runs per
 * business year with their 支払データ and 全銀 総合振込 file, and the bank's 振込不能 returns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package jp.ikiiki.desk.payments;
