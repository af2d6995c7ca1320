/**
 * The columns of the city's two subject files (別紙2, 別紙3). Exposed to other modules (printing, exports)
 * because the city's file layouts are part of the contract, not an implementation detail.
 */
@org.springframework.modulith.NamedInterface("columns")
package jp.ikiiki.desk.subjects.columns;
