/**
 * Japan Post カスタマバーコード (customer barcode) for the address block of postal items: the 住所表示番号 extracted
 * from what follows the 町域 (cut off through the bundled KEN_ALL postcode → 町域 dictionary) by the rules of Japan
 * Post's 郵便番号・バーコードマニュアル, the 20 character positions with CC4 padding and the mod-19 check digit, and the
 * bar sequence a renderer draws. Addresses the rules cannot handle are reported as not printable, never encoded wrongly.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Postal")
package jp.ikiiki.desk.postal;
