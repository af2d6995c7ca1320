package jp.ikiiki.desk.notices;

import java.time.YearMonth;

/**
 * A notice run asked for.
 *
 * @param businessYear the business year of the booklets (2025 = 令和7年度分)
 * @param month        the month of the run
 * @param half         mid or late
 */
public record NoticeRunRequest(int businessYear, YearMonth month, Half half) {
}
