package jp.ikiiki.desk.postal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Customer barcodes for operators (issue 5 point 7). Addresses are never logged. */
@Service
public class CustomerBarcodes {

	/**
	 * @see CustomerBarcode#of(String, String)
	 * @throws IllegalArgumentException if the postcode is not 7 digits (message in Japanese)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	public CustomerBarcode compute(String postcode, String address) {
		return CustomerBarcode.of(postcode, address);
	}
}
