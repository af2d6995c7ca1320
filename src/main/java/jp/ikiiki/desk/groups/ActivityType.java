package jp.ikiiki.desk.groups;

/**
 * An activity type of the programme's 地域の支え手 (and other) activities, as configured
 * ({@code ikiiki.groups.activity-types}).
 *
 * @param code   one or two upper-case letters, as on the form (e.g. D)
 * @param label  the activity, e.g. 地域団体の運営活動
 * @param points the points one stamp is worth (1, 2 or 4)
 */
public record ActivityType(String code, String label, int points) {
}
