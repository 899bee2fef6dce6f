package cn.tongyi.core.finance;

import cn.tongyi.core.identity.CurrentPerson;
import cn.tongyi.core.idempotency.Idempotent;
import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.identity.Person;
import cn.tongyi.tenant.access.BranchRoles;
import cn.tongyi.tenant.access.CallerGrants;
import cn.tongyi.tenant.access.CurrentBranch;
import cn.tongyi.tenant.access.Role;
import cn.tongyi.web.ApiProblem;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * R-FIN-1: the cash book of the branch, for the finance officer and the head: income entered by hand, every entry of a
 * period and its totals by source and item, exports, corrections, cash handovers and the closing of months.
 */
@Path("/api/branches/{branch}/finance")
@Tag(name = "Finance", description = "Cash book, expenses and approvals, disclosure, supervision, the yearly result")
@BranchRoles({Role.FINANCE, Role.BRANCH_HEAD})
public class CashBookResource {

    /** The longest period one request reads or exports. */
    static final int MAX_PERIOD_DAYS = 366;

    public record IncomeRequest(@NotNull IncomeSource source, @NotNull @Positive Long amountFen,
            @NotNull @Pattern(regexp = "ONLINE|CASH") String channel, LocalDate receivedOn,
            @NotBlank @Size(max = 60) String reference, @NotBlank @Size(max = 200) String description) {
    }

    public record CorrectionRequest(@NotNull UUID corrects, @NotNull Long amountFen,
            @NotBlank @Size(max = 200) String reason) {
    }

    public record HandoverRequest(@NotNull UUID holderId, @NotEmpty @Size(max = 500) List<@NotNull UUID> incomeIds) {
    }

    public record MonthTotals(String month, boolean closed, CashBook.Totals totals) {
    }

    public record YearTotals(int year, CashBook.Totals totals, List<MonthTotals> months) {
    }

    private final CashBook book;
    private final CashHandovers handovers;
    private final FinancePeriods periods;
    private final CurrentBranch currentBranch;
    private final CallerGrants caller;
    private final CurrentPerson person;
    private final PersonIds personIds;

    CashBookResource(CashBook book, CashHandovers handovers, FinancePeriods periods, CurrentBranch currentBranch,
            CallerGrants caller, CurrentPerson person, PersonIds personIds) {
        this.book = book;
        this.handovers = handovers;
        this.periods = periods;
        this.currentBranch = currentBranch;
        this.caller = caller;
        this.person = person;
        this.personIds = personIds;
    }

    @POST
    @Path("/income")
    @Idempotent
    @Operation(summary = "Record income received (space rental, custom service, sponsorship, other) in fen; cash is "
            + "held by the recorder until handed over; the reference is unique")
    public RestResponse<CashBook.Entry> recordIncome(@PathParam("branch") String branch,
            @Valid @NotNull IncomeRequest request) {
        CashBook.Entry entry = book.recordIncome(currentBranch.require(), new CashBook.NewIncome(request.source(),
                request.amountFen(), request.channel(), request.receivedOn(), request.reference().strip(),
                request.description().strip()), caller.username());
        return RestResponse.status(RestResponse.Status.CREATED, entry);
    }

    @GET
    @Path("/cash-book")
    @Operation(summary = "Every entry booked in a period (at most 366 days): income, paid expenses, corrections")
    public List<CashBook.Entry> entries(@PathParam("branch") String branch, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        requirePeriod(from, to);
        return book.entries(currentBranch.require(), from, to);
    }

    @GET
    @Path("/cash-book/export")
    @Operation(summary = "The entries of a period as a spreadsheet: format=csv or xlsx")
    public RestResponse<byte[]> export(@PathParam("branch") String branch, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("format") @DefaultValue("csv") String format) {
        requirePeriod(from, to);
        List<CashBook.Entry> entries = book.entries(currentBranch.require(), from, to);
        String name = "cash-book-" + branch + "-" + from + "-" + to;
        return switch (format) {
            case "csv" -> file(CashBookExport.csv(entries), "text/csv; charset=UTF-8", name + ".csv");
            case "xlsx" -> file(CashBookExport.xlsx(entries),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            default -> throw ApiProblem.invalidField("invalid-format", "format", "Export as csv or xlsx");
        };
    }

    @GET
    @Path("/totals")
    @Operation(summary = "Income by source and expenses by item: of a year (with each month) or of one month "
            + "(month=YYYY-MM)")
    public YearTotals totals(@PathParam("branch") String branch, @QueryParam("year") Integer year,
            @QueryParam("month") String month) {
        if ((year == null) == (month == null)) {
            throw ApiProblem.badRequest("period-required", "Give either year or month");
        }
        if (month != null) {
            YearMonth m = month(month);
            return new YearTotals(m.getYear(), null, List.of(monthTotals(m)));
        }
        if (year < 2000 || year > 2200) {
            throw ApiProblem.invalidField("invalid-year", "year", "A year between 2000 and 2200");
        }
        List<MonthTotals> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(monthTotals(YearMonth.of(year, m)));
        }
        return new YearTotals(year, book.totals(currentBranch.require(), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)), months);
    }

    @POST
    @Path("/corrections")
    @Idempotent
    @Operation(summary = "Correct an income line or a paid expense: a signed amount in fen, booked today with its "
            + "reason; the original entry never changes")
    public RestResponse<CashBook.Entry> correct(@PathParam("branch") String branch,
            @Valid @NotNull CorrectionRequest request) {
        CashBook.Entry entry = book.correct(currentBranch.require(), request.corrects(), request.amountFen(),
                request.reason().strip(), caller.username());
        return RestResponse.status(RestResponse.Status.CREATED, entry);
    }

    @GET
    @Path("/cash/outstanding")
    @Operation(summary = "Cash not yet handed over to the finance officer, by holder; overdue after its day")
    public List<CashHandovers.Holding> outstandingCash(@PathParam("branch") String branch) {
        return handovers.outstanding(currentBranch.require());
    }

    @POST
    @Path("/cash/handovers")
    @Idempotent
    @BranchRoles(Role.FINANCE)
    @Operation(summary = "As the finance officer, record cash a holder handed over to you, line by line")
    public RestResponse<CashHandovers.Handover> handover(@PathParam("branch") String branch,
            @Valid @NotNull HandoverRequest request) {
        String holder = personIds.internalId(request.holderId()).flatMap(id -> Person.<Person>findByIdOptional(id))
                .map(p -> p.username)
                .orElseThrow(() -> PersonIds.notFound(request.holderId()));
        return RestResponse.status(RestResponse.Status.CREATED, handovers.receive(currentBranch.require(), holder,
                request.incomeIds(), person.id(), caller.username()));
    }

    @GET
    @Path("/months")
    @Operation(summary = "The months of a year whose books are closed")
    public List<String> closedMonths(@PathParam("branch") String branch, @QueryParam("year") int year) {
        return periods.closedMonths(currentBranch.require(), year).stream().map(YearMonth::toString).toList();
    }

    @POST
    @Path("/months/{month}/closing")
    @Transactional
    @Operation(summary = "Close the books of a month that is over: nothing more is booked into it; raises MonthClosed")
    public RestResponse<MonthTotals> close(@PathParam("branch") String branch, @PathParam("month") String month) {
        YearMonth m = month(month);
        periods.close(currentBranch.require(), m, caller.username());
        return RestResponse.status(RestResponse.Status.CREATED, monthTotals(m));
    }

    private MonthTotals monthTotals(YearMonth month) {
        return new MonthTotals(month.toString(), periods.closed(currentBranch.require(), month),
                book.totals(currentBranch.require(), month.atDay(1), month.atEndOfMonth()));
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiProblem.invalidField("invalid-month", "month", "A month is written YYYY-MM");
        }
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            throw ApiProblem.badRequest("invalid-period", "Give from and to (YYYY-MM-DD), at most "
                    + MAX_PERIOD_DAYS + " days apart");
        }
    }

    private static RestResponse<byte[]> file(byte[] content, String type, String name) {
        return RestResponse.ResponseBuilder.ok(content, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
    }
}
