/** HTTP endpoints of the transaction module (cash transactions, FX rates, due-diligence cases). */
package com.kyckeeper.transaction.web;
