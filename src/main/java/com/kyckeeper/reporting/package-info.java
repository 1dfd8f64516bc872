/** Regulatory reports read from the other modules' APIs: the large-value transaction report and its exports. */
package com.kyckeeper.reporting;
