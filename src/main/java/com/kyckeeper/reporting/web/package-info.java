/** HTTP endpoints of the reporting module (JSON, CSV, XLSX and PDF downloads). */
package com.kyckeeper.reporting.web;
