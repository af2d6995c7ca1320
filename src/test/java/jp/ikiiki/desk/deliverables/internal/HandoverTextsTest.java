package jp.ikiiki.desk.deliverables.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandoverTextsTest {

	@Test
	void a_negative_checksum_stays_a_number_and_a_formula_becomes_text() {
		StringBuilder csv = new StringBuilder();
		HandoverTexts.line(csv, "-53355684", "=cmd()", "a,b", "say \"x\"");
		assertThat(csv).hasToString("-53355684,'=cmd(),\"a,b\",\"say \"\"x\"\"\"\r\n");
	}
}
