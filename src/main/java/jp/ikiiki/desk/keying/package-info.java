/**
 * Entry and verify (エントリー・ベリファイ, 第7章1(4), 第7章1(5)): the rules by which two different operators key a paper
 * document independently, the second pass compared field by field as it is keyed, and a floor manager decides what
 * the two still disagree on. The rules live here once; each document kind (points booklets, account forms) keeps its
 * own tables behind a {@link jp.ikiiki.desk.keying.KeyingStore}, in one shape that {@link jp.ikiiki.desk.keying.TableKeyingStore}
 * reads and writes. No tables, no beans of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Keying")
package jp.ikiiki.desk.keying;
