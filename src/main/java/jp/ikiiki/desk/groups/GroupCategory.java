package jp.ikiiki.desk.groups;

/**
 * The kinds of registered group (第5章): a general activity group, or a medical institution — 医科, 歯科 for the
 * milestone-age check-ups (節目年齢歯科健診) or for the late-elderly check-ups (後期高齢者歯科健診) — or a pharmacy.
 * The public lists are split by these (第9章1(6)).
 */
public enum GroupCategory {
	GENERAL, MEDICAL, DENTAL_MILESTONE, DENTAL_LATE_ELDERLY, PHARMACY;

	/** The console label key, e.g. {@code groups.category.GENERAL}. */
	public String labelKey() {
		return "groups.category." + name();
	}

	/** Medical institutions and pharmacies: the city posts their stamps itself (第5章3). */
	public boolean medicalOrPharmacy() {
		return this != GENERAL;
	}
}
