package jp.ikiiki.desk.tally;

import java.time.LocalDate;

/**
 * A booklet's keying was verified (both keyings agreed, or a floor manager decided where they did not): its stamps
 * now count, and the subject's year has new figures. Published in the verifying transaction; for the notice run
 * and payments (第8章, 第7章1(5)).
 *
 * @param bookletId     the booklet
 * @param addressNumber 宛名番号
 * @param businessYear  the year it begins in
 * @param kind          main or additional
 * @param receivedOn    the city's receipt date of the booklet
 * @param counts        the booklet's verified stamps
 * @param year          the subject's figures for the year over every verified booklet, this one included
 */
public record PointsVerified(long bookletId, String addressNumber, int businessYear, BookletKind kind,
		LocalDate receivedOn, StampCounts counts, YearPoints year) {
}
