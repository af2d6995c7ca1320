/**
 * The centre's calendar in Asia/Tokyo: Japanese national holidays by rule, the city's open days (第6章1: weekdays
 * that are not holidays nor 12/29–1/3, 8:30–17:15), half-days (第6章2 ※2), the business year (September–August)
 * and the fiscal year (April–March). Every other module asks this one instead of computing days itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package jp.ikiiki.desk.calendar;
