package jp.ikiiki.desk.postal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Customer barcodes for operators, with the configured postcode → 町域 dictionary. Addresses are never logged.
 */
@Service
public class CustomerBarcodes {

	private final TownDictionary towns;

	public CustomerBarcodes(TownDictionary towns) {
		this.towns = towns;
	}

	/**
	 * @see CustomerBarcode#of(String, String, TownDictionary)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming 郵便番号 if the postcode is not 7 digits, or 住所 if
	 *                                                     the address is blank
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	public CustomerBarcode compute(String postcode, String address) {
		if (address == null || address.isBlank()) {
			throw new jp.ikiiki.desk.shared.InvalidInputException("address", "住所 (address) を指定してください");
		}
		return CustomerBarcode.of(postcode, address, towns);
	}

	/** The dictionary in use: its source, for the operations page and the log. */
	public TownDictionary towns() {
		return towns;
	}
}
