/**
 * Runtime platform: the embedded PostgreSQL a new user and the tests get when no database is
 * configured, the database roles, and the console's shell (layout, navigation). Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.ikiiki.desk.platform;
