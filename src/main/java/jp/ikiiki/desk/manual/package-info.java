/**
 * The answer manual (第6章1(1)(2)): versioned entries agents search during a call, edited by
 * floor managers after agreement with the city.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Answer manual")
package jp.ikiiki.desk.manual;
