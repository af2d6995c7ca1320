/**
 * Erasure of every piece of personal data at the end of the contract (第11章1(5)(6)): a security administrator
 * requests it, a second one confirms it, a dry run lists what would go, and the real run erases the data in the
 * database and on disk, destroys the audit trail's secrets, reclaims the storage and issues a certificate (PDF).
 * Each module that keeps personal data implements {@link jp.ikiiki.desk.erasure.PersonalDataStore}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Erasure")
package jp.ikiiki.desk.erasure;
