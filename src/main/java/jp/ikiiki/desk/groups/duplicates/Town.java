package jp.ikiiki.desk.groups.duplicates;

/** The neighbouring towns whose registered groups the city hands over for the duplicate check (第5章2). */
enum Town {
	FUCHU("府中町"), KAITA("海田町");

	private final String japaneseName;

	Town(String japaneseName) {
		this.japaneseName = japaneseName;
	}

	String japaneseName() {
		return japaneseName;
	}
}
