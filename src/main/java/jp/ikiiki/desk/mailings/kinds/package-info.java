/**
 * The kinds of mailing of 第4章 as small strategy beans: each says who it goes to, what it checks, what goes into
 * the envelope and what is printed.
 */
package jp.ikiiki.desk.mailings.kinds;
