package jp.ikiiki.desk.postal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.Postcodes;

/**
 * A Japan Post カスタマバーコード, or the reason an address gets none (郵便番号・バーコードマニュアル: バーコード,
 * バーコードに必要な文字情報の抜き出し法).
 *
 * <p>A printable barcode holds 20 character positions (7 postcode digits, then the 住所表示番号 with each letter taking two
 * positions, cut at 20 and padded with CC4), the mod-19 check digit and the bar sequence from start to stop code.
 *
 * @param printable  false if the rules cannot handle the address; then every other field but {@code reason} is empty
 * @param data       the positions before padding as text, e.g. {@code 26300233-30-8-403}; a letter whose digit was cut
 *                   off at position 20 is not in the text (its control code is in {@code characters})
 * @param characters the 20 positions, padding included (empty if not printable)
 * @param check      the check digit (null if not printable)
 * @param reason     why not printable, in Japanese (null if printable)
 */
public record CustomerBarcode(boolean printable, String data, List<BarcodeCharacter> characters, BarcodeCharacter check,
		String reason) {

	/** Character positions between the start code and the check digit. */
	public static final int POSITIONS = 20;

	public CustomerBarcode {
		characters = List.copyOf(characters);
	}

	/**
	 * The barcode for an address, the 町域 found through the bundled dictionary ({@link TownDictionary#bundled()}).
	 *
	 * @see #of(String, String, TownDictionary)
	 */
	public static CustomerBarcode of(String postcode, String address) {
		return of(postcode, address, TownDictionary.bundled());
	}

	/**
	 * The barcode for an address. The part of the address the postcode stands for — prefecture, municipality and the
	 * 町域 the dictionary lists for the postcode — is cut off first, so that numerals in a town's name (八丁堀, 四番町)
	 * are not read as the address number; an address whose 町域 is not found is read by the extraction rules alone,
	 * which refuse what they cannot tell apart rather than encode it wrongly.
	 *
	 * @param postcode 7 digits, with or without the hyphen, half- or full-width
	 * @param address  the address as printed, 住所 followed by 方書 (prefecture and municipality may be included)
	 * @param towns    the postcode → 町域 dictionary
	 * @throws InvalidInputException naming 郵便番号 if the postcode is not 7 digits
	 */
	public static CustomerBarcode of(String postcode, String address, TownDictionary towns) {
		String digits = postcodeDigits(postcode);
		if (digits.endsWith("00")) {
			// 抜き出し法 (2/9): a 代表郵便番号 ("以下に掲載がない場合", last two digits 00) gets no customer barcode.
			return notPrintable("郵便番号 " + Postcodes.format(digits)
					+ " は代表番号（下2けた00）のため、カスタマバーコードは付番しません");
		}
		if (address == null || address.isBlank()) {
			return notPrintable("住所がありません");
		}
		String normalised = AddressNumberRules.normaliseWidthAndCase(address);
		int start = towns.numberStart(digits, normalised);
		AddressNumberRules.Extraction extraction = AddressNumberRules.extract(start < 0 ? address
				: normalised.substring(start));
		if (!extraction.extracted()) {
			return notPrintable(extraction.refusal());
		}
		return encode(digits, extraction.number());
	}

	/**
	 * Encodes a postcode and an already extracted 住所表示番号 (digits, hyphens, letters A–Z).
	 *
	 * @throws InvalidInputException if the postcode is not 7 digits or the number has other characters
	 */
	public static CustomerBarcode encode(String postcode, String addressNumber) {
		String digits = postcodeDigits(postcode);
		if (addressNumber == null || !addressNumber.matches("[0-9A-Z-]*")) {
			throw new InvalidInputException("住所表示番号", "住所表示番号に使えるのは数字・ハイフン・英大文字だけです");
		}
		String content = digits + addressNumber;
		List<BarcodeCharacter> positions = new ArrayList<>(POSITIONS);
		StringBuilder data = new StringBuilder();
		for (char c : content.toCharArray()) {
			if (positions.size() == POSITIONS) {
				break;
			}
			if (c >= 'A' && c <= 'Z') {
				List<BarcodeCharacter> pair = BarcodeCharacter.forLetter(c);
				positions.add(pair.get(0));
				// 抜き出し法 (4/9): a letter starting at position 20 keeps only its control code.
				if (positions.size() < POSITIONS) {
					positions.add(pair.get(1));
					data.append(c);
				}
			}
			else {
				positions.add(BarcodeCharacter.of(c));
				data.append(c);
			}
		}
		while (positions.size() < POSITIONS) {
			positions.add(BarcodeCharacter.CC4);
		}
		return new CustomerBarcode(true, data.toString(), positions, checkDigit(positions), null);
	}

	/** (19 − sum of the values mod 19) mod 19, as a character: 0–9, hyphen (10), CC1–CC8 (11–18). */
	public static BarcodeCharacter checkDigit(List<BarcodeCharacter> positions) {
		int sum = positions.stream().mapToInt(BarcodeCharacter::value).sum();
		return BarcodeCharacter.ofValue((19 - sum % 19) % 19);
	}

	/** The bars to draw, left to right: start code, 20 positions, check digit, stop code (67 bars). */
	public List<Bar> bars() {
		if (!printable) {
			return List.of();
		}
		List<Bar> bars = new ArrayList<>(67);
		bars.addAll(BarcodeCharacter.START);
		characters.forEach(c -> bars.addAll(c.bars()));
		bars.addAll(check.bars());
		bars.addAll(BarcodeCharacter.STOP);
		return Collections.unmodifiableList(bars);
	}

	/** The check digit as the manual writes it ("5", "-", "CC8"), or null if not printable. */
	public String checkLabel() {
		return check == null ? null : check.label();
	}

	static String postcodeDigits(String postcode) {
		String p = postcode == null ? "" : AddressNumberRules.normaliseWidthAndCase(postcode.strip());
		if (!p.matches("[0-9]{3}-?[0-9]{4}")) {
			throw new InvalidInputException("郵便番号", "郵便番号は7けたの数字で指定してください（例: 730-0013）");
		}
		return p.replace("-", "");
	}

	private static CustomerBarcode notPrintable(String reason) {
		return new CustomerBarcode(false, null, List.of(), null, reason);
	}
}
