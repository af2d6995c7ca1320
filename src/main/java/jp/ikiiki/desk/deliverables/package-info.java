/**
 * Deliverables to the city (第9章1(2) 提出データ一覧, 第1章5(1) 作業報告書): every line of the contract's table as a
 * kind with its schedule, and per period its due date and its way through generated, checked by a second person,
 * delivered and downloaded by the city. Files are generated from one database snapshot, kept immutable with their
 * SHA-256, and every download is audited. Modules that produce a deliverable register a {@link
 * jp.ikiiki.desk.deliverables.DeliverableKind}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deliverables")
package jp.ikiiki.desk.deliverables;
