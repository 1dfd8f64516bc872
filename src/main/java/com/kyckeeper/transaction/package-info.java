/** Cash transactions: intake, large-value rules, same-day aggregation, FX rates, due-diligence cases and exemptions. */
package com.kyckeeper.transaction;
