package com.kyckeeper.ui;

import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.transaction.CashTransactions;
import com.kyckeeper.transaction.FxRatesUpdated;
import com.kyckeeper.ui.form.Forms;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** FX rates (CNY per unit): the day's rates, one rate added, or a CSV file imported (all or nothing). */
@Controller
class FxRatePages {

    static final long MAX_UPLOAD = 1024 * 1024;
    private final CashTransactions transactions;
    private final BusinessClock clock;
    private final Problems problems;
    private final ServerMessages server;

    FxRatePages(CashTransactions transactions, BusinessClock clock, Problems problems, ServerMessages server) {
        this.server = server;
        this.transactions = transactions;
        this.clock = clock;
        this.problems = problems;
    }

    @GetMapping("/compliance/fx-rates")
    String list(@RequestParam(required = false) String date, Model model) {
        Permissions.requireAny(Roles.COMPLIANCE);
        LocalDate day = date == null || date.isBlank() ? clock.today() : Forms.date("date", date);
        model.addAttribute("date", day);
        model.addAttribute("rates", transactions.rates(day));
        return "compliance/fx-rates";
    }

    @PostMapping("/compliance/fx-rates")
    String add(@RequestParam(required = false) String date, @RequestParam(required = false) String currency,
               @RequestParam(required = false) String rate, RedirectAttributes redirect, Locale locale) {
        Permissions.requireAny(Roles.COMPLIANCE);
        LocalDate day = null;
        try {
            day = Forms.date("date", date);
            String ccy = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
            if (ccy.isEmpty()) {
                throw new InvalidInputException("currency", "is required");
            }
            updated(redirect, transactions.putRates(day, "CNY", Map.of(ccy, rate == null ? "" : rate.strip())));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
            redirect.addFlashAttribute("currency", currency);
            redirect.addFlashAttribute("rate", rate);
        }
        return "redirect:/compliance/fx-rates" + (day == null ? "" : "?date=" + day);
    }

    @PostMapping("/compliance/fx-rates/import")
    String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
                     Locale locale) throws IOException {
        Permissions.requireAny(Roles.COMPLIANCE);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "is required");
            }
            if (file.getSize() > MAX_UPLOAD) {
                redirect.addFlashAttribute("uploadRefused", "file");
                redirect.addFlashAttribute("uploadLimit", "1 MB");
                return "redirect:/compliance/fx-rates";
            }
            String csv;
            try {
                csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString().replace("\uFEFF", "");
            } catch (CharacterCodingException e) {
                throw new InvalidInputException("file", "must be UTF-8 text");
            }
            FxRatesUpdated result = transactions.importRates(csv);
            updated(redirect, result);
            return "redirect:/compliance/fx-rates" + (result.dates().isEmpty() ? "" : "?date=" + result.dates().getFirst());
        } catch (InvalidInputException e) {
            if (e.violations().stream().allMatch(v -> "file".equals(v.field()))) {
                // About the file itself (missing, not UTF-8): shown at the file field.
                redirect.addFlashAttribute("fileError", server.translate(e.violations().getFirst().message(), locale));
            } else {
                redirect.addFlashAttribute("problems", problems.of(e, locale));
            }
            return "redirect:/compliance/fx-rates";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
            return "redirect:/compliance/fx-rates";
        }
    }

    private static void updated(RedirectAttributes redirect, FxRatesUpdated result) {
        redirect.addFlashAttribute("notice", "notice.ratesStored");
        redirect.addFlashAttribute("storedRates", result.rates());
        redirect.addFlashAttribute("storedDays", result.dates().size());
        redirect.addFlashAttribute("reevaluated", result.reevaluated());
    }
}
