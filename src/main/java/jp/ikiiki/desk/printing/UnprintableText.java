package jp.ikiiki.desk.printing;

import java.util.List;

/**
 * A field value that must not be printed as it is (第3章1): it contains ・ ■ 〓 or characters the form's font
 * lacks, and no decision for it has been recorded yet.
 *
 * @param subjectId  the person
 * @param field      the field name
 * @param text       the value as it would print
 * @param characters the offending characters, each once, in order of appearance
 */
public record UnprintableText(String subjectId, String field, String text, List<String> characters) {
}
