/**
 * Points notices (第8章1–4): twice a month (mid and late) a notice run per business year takes the verified booklets
 * not yet notified (from the tally, and the predecessor's booklets carried over as opening balances, 第9章1(1)),
 * writes the 獲得ポイント通知一覧 for the city and makes the mailing batches of the
 * 獲得ポイント通知 (V-fold sealed postcard) and, for those with points and no usable account, the notice with the
 * 口座登録用紙 and its return envelope (第4章6). Declares the SPI {@link jp.ikiiki.desk.notices.RegisteredAccounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package jp.ikiiki.desk.notices;
