/**
 * Activity groups (第5章 活動団体新規登録業務, 第10章2): the registered groups where elderly people collect points, their
 * registration, change and deletion forms keyed twice and approved by the city, the duplicate check before stamps
 * go out (第9章1(2) 重複チェックリスト), the stamps issued, and the public lists per ward (第9章1(6)).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activity groups")
package jp.ikiiki.desk.groups;
