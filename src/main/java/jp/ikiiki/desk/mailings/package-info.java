/**
 * Mailing batches (第4章): which subjects a mailing selects and why others are left out,
 * the enclosures per envelope, print files sorted by postcode and split into bundles, pull-outs, the post office
 * figures and registered-mail numbers, and the subjects' dates updated only when a batch is dispatched.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mailings")
package jp.ikiiki.desk.mailings;
