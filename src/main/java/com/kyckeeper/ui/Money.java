package com.kyckeeper.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.springframework.stereotype.Component;

/** Amounts as the currency shows them (CNY 2 decimals, JPY 0): templates call {@code @money.format(amount, currency)}. */
@Component("money")
class Money {

    public String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // keep two decimals
        }
        return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
