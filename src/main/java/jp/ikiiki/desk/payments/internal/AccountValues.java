package jp.ikiiki.desk.payments.internal;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;
import jp.ikiiki.desk.payments.AccountEntry;
import jp.ikiiki.desk.payments.AccountField;
import jp.ikiiki.desk.payments.AccountType;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.payments.YuchoNumbers;
import jp.ikiiki.desk.payments.ZenginText;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * The checks at keying time (第10章3) and the values as stored and compared: a form is a bank account (bank and branch
 * open in the bank master, 預金種目 普通/当座/貯蓄 stored as its 全銀 code, a 7-digit 口座番号) or a ゆうちょ 記号・番号
 * (converted, its 店番 in the master), never both; the holder's name converted to 全銀 characters (30 at most, the
 * 受取人名 field). The fields the form does not use are stored as ''.
 */
final class AccountValues {

	/** The longest 受取人名 of a 全銀 総合振込 data record. */
	static final int HOLDER_LENGTH = 30;

	private AccountValues() {
	}

	/** Every field's value, checked and converted; refusals name the field and why. */
	static Map<AccountField, String> of(AccountEntry e, BankMaster master) {
		var v = new EnumMap<AccountField, String>(AccountField.class);
		boolean yucho = !blank(e.yuchoSymbol()) || !blank(e.yuchoNumber());
		boolean bank = !blank(e.bankCode()) || !blank(e.branchCode()) || !blank(e.accountType())
				|| !blank(e.accountNumber());
		if (yucho && bank) {
			throw new InvalidInputException("yuchoSymbol",
					"ゆうちょの記号・番号と金融機関コード・口座番号は一緒に入力できません（用紙に記入された一方だけを入力してください）");
		}
		if (yucho) {
			YuchoNumbers.Converted c = YuchoNumbers.convert(e.yuchoSymbol(), e.yuchoNumber());
			try {
				master.forNewAccount(YuchoNumbers.BANK_CODE, c.branchCode());
			} catch (InvalidInputException x) {
				throw new InvalidInputException("yuchoSymbol", "記号 " + YuchoNumbers.symbol(e.yuchoSymbol())
						+ " から求めた店番 " + c.branchCode() + " がありません: " + x.getMessage());
			}
			v.put(AccountField.BANK_CODE, "");
			v.put(AccountField.BRANCH_CODE, "");
			v.put(AccountField.ACCOUNT_TYPE, "");
			v.put(AccountField.ACCOUNT_NUMBER, "");
			v.put(AccountField.YUCHO_SYMBOL, YuchoNumbers.symbol(e.yuchoSymbol()));
			v.put(AccountField.YUCHO_NUMBER, YuchoNumbers.number(e.yuchoNumber()));
		} else {
			BankMaster.Branch branch = master.forNewAccount(e.bankCode(), e.branchCode());
			AccountType type = AccountType.parse(e.accountType()).orElseThrow(() -> new InvalidInputException(
					"accountType", "預金種目は 普通(1)・当座(2)・貯蓄(4) のいずれかです"));
			String number = digits(e.accountNumber());
			if (!number.matches("[0-9]{7}")) {
				throw new InvalidInputException("accountNumber",
						"口座番号は7桁の数字です（7桁に満たない番号は先頭を0で埋めてください）");
			}
			v.put(AccountField.BANK_CODE, branch.bankCode());
			v.put(AccountField.BRANCH_CODE, branch.code());
			v.put(AccountField.ACCOUNT_TYPE, String.valueOf(type.code()));
			v.put(AccountField.ACCOUNT_NUMBER, number);
			v.put(AccountField.YUCHO_SYMBOL, "");
			v.put(AccountField.YUCHO_NUMBER, "");
		}
		v.put(AccountField.HOLDER, ZenginText.convert("口座名義", e.holderKana(), HOLDER_LENGTH));
		return v;
	}

	/** A decided value as a floor manager typed it, converted like a keyed one (no cross-field checks). */
	static String convert(AccountField field, String text) {
		String t = text == null ? "" : text;
		String value = switch (field) {
			case BANK_CODE, BRANCH_CODE, ACCOUNT_NUMBER -> digits(t);
			case ACCOUNT_TYPE -> blank(t) ? "" : AccountType.parse(t).map(a -> String.valueOf(a.code()))
					.orElseThrow(() -> new InvalidInputException("accountType", "預金種目は 普通(1)・当座(2)・貯蓄(4) のいずれかです"));
			case YUCHO_SYMBOL -> blank(t) ? "" : YuchoNumbers.symbol(t);
			case YUCHO_NUMBER -> blank(t) ? "" : YuchoNumbers.number(t);
			case HOLDER -> ZenginText.convert("口座名義", t, HOLDER_LENGTH);
		};
		checkConverted(field, value);
		return value;
	}

	/** The shape of a stored value (the keying rules' own check). */
	static void checkConverted(AccountField field, String value) {
		if (value == null) {
			throw new InvalidInputException(field.apiName(), "「" + field.label() + "」がありません");
		}
		boolean ok = switch (field) {
			case BANK_CODE -> value.isEmpty() || value.matches("[0-9]{4}");
			case BRANCH_CODE -> value.isEmpty() || value.matches("[0-9]{3}");
			case ACCOUNT_TYPE -> value.isEmpty() || value.matches("[124]");
			case ACCOUNT_NUMBER -> value.isEmpty() || value.matches("[0-9]{7}");
			case YUCHO_SYMBOL -> value.isEmpty() || value.matches("1[0-9]{4}");
			case YUCHO_NUMBER -> value.isEmpty() || value.matches("[0-9]{1,7}1");
			case HOLDER -> !value.isEmpty() && value.length() <= HOLDER_LENGTH;
		};
		if (!ok) {
			throw new InvalidInputException(field.apiName(), "「" + field.label() + "」の値が正しくありません");
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String digits(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\-]", "");
	}
}
