package jp.ikiiki.desk.postal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.ikiiki.desk.postal.CustomerBarcode;
import jp.ikiiki.desk.postal.CustomerBarcodes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/postal/customer-barcode}: the customer barcode of a postcode and an address. No subject data, so no
 * audit; the address is never logged. Refusals are problem details from the application's one error handler.
 */
@RestController
@RequestMapping("/api/postal")
@Tag(name = "postal", description = "カスタマバーコード (Japan Post customer barcode)")
class CustomerBarcodeApi {

	private final CustomerBarcodes barcodes;

	CustomerBarcodeApi(CustomerBarcodes barcodes) {
		this.barcodes = barcodes;
	}

	/**
	 * @param data      the 20 positions before CC4 padding, e.g. {@code 26300233-30-8-403} (null if not printable)
	 * @param check     the check digit as the manual writes it: 0–9, "-" or CC1–CC8 (null if not printable)
	 * @param printable false if the extraction rules cannot handle the address
	 * @param reason    why not printable (absent when printable)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record BarcodeResponse(String data, String check, boolean printable, String reason) {

		static BarcodeResponse of(CustomerBarcode b) {
			return new BarcodeResponse(b.data(), b.checkLabel(), b.printable(), b.reason());
		}
	}

	@GetMapping("/customer-barcode")
	@Operation(summary = "Customer barcode data for a postcode and an address",
			description = "Extracts the 住所表示番号 by Japan Post's rules and computes the check digit. An address the rules "
					+ "cannot handle gives printable=false with a reason, never a wrong barcode.")
	@ApiResponse(responseCode = "200", description = "the barcode data, or printable=false with the reason")
	@ApiResponse(responseCode = "422", description = "the postcode is not 7 digits or the address is missing (field named)")
	BarcodeResponse customerBarcode(
			@Parameter(description = "郵便番号, 7 digits with or without hyphen") @RequestParam(required = false) String postcode,
			@Parameter(description = "住所 and 方書 as printed") @RequestParam(required = false) String address) {
		return BarcodeResponse.of(barcodes.compute(postcode, address));
	}
}
