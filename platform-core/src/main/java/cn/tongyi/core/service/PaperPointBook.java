package cn.tongyi.core.service;

import cn.tongyi.core.jdbc.PlainSql;
import cn.tongyi.core.ledger.AccountType;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Party;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.PostedTransfer;
import cn.tongyi.core.ledger.PostingGuard;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R-LEDGER-8: a line of a resident's paper point book (纸质积分登记本, entered by staff): the resident pays with points
 * for a service order they received in this branch. The line names the order, and its points never exceed the hours
 * served on it less what the resident has already paid for it; the volunteer was credited 1 point per hour by the
 * branch at confirmation, so the points go back to the branch's issuance and the volunteer's credit stays exactly 1
 * point per hour (R-SERVICE-6). Neither the resident nor the volunteer of the order may enter it, and the point-book
 * form number is the line's identity: entered once per branch.
 *
 * <p>The settlement of the order is the posting's {@link PostingGuard}: a line costs the ledger's lock and one
 * statement that updates the order and writes the transfer (ADR 8).
 */
@ApplicationScoped
class PaperPointBook {

    /** A line as staff enter it: whose book, which order, how many centi-points, the form's number. */
    record Line(long payerPersonId, long orderId, long centiPoints, String formNo, String note) {
    }

    private record Order(long id, long requesterPersonId, Long volunteerPersonId, String status, long credited,
            long paid) {
    }

    private final LedgerService ledger;
    private final PlainSql sql;

    PaperPointBook(LedgerService ledger, PlainSql sql) {
        this.ledger = ledger;
        this.sql = sql;
    }

    /**
     * Posts the line (or returns it, replayed, when its form number was entered before with the same content),
     * together with its settlement of the order: one statement writes both or neither.
     */
    PostedTransfer enter(BranchCode branch, Line line, long enteredBy, String enteredByName) {
        try {
            return ledger.post(new TransferRequest(TransferKind.SERVICE_PAYMENT, branch.value(),
                    Party.member(line.payerPersonId()), Party.system(AccountType.ISSUANCE), line.centiPoints(),
                    new TransferRequest.Reference("SERVICE_REQUEST", branch.value() + ":" + line.orderId()), null,
                    "paper-form:" + branch.value() + ":" + line.formNo(), enteredByName, noteOf(line)),
                    new Settlement(branch, line, enteredBy));
        } catch (ApiProblem problem) {
            if ("transfer-key-reused".equals(problem.slug())) {
                throw ApiProblem.conflict("paper-form-used",
                        "Point-book form " + line.formNo() + " was already entered here for another line");
            }
            throw problem;
        }
    }

    /** Finds an order by the number of the paper 服务验收单 it was confirmed with. */
    long orderConfirmedBy(BranchCode branch, String confirmationFormNo) {
        return sql.query("SELECT id FROM " + branch.schemaName() + ".service_request WHERE paper_form_no = ?",
                        row -> row.getLong(1), confirmationFormNo).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("request-not-found",
                        "No service confirmed with form " + confirmationFormNo + " here"));
    }

    /**
     * The line adds its points to what the resident paid for the order, if the order is one they received, completed,
     * with that much of its hours served still unpaid, and the person entering it neither received nor gave it.
     */
    private final class Settlement implements PostingGuard {

        private final BranchCode branch;
        private final Line line;
        private final long enteredBy;

        Settlement(BranchCode branch, Line line, long enteredBy) {
            this.branch = branch;
            this.line = line;
            this.enteredBy = enteredBy;
        }

        @Override
        public String update() {
            return "UPDATE " + branch.schemaName() + """
                    .service_request SET paid = paid + ?
                    WHERE id = ? AND requester_person_id = ? AND status = 'COMPLETED' AND paid + ? <= credited
                      AND requester_person_id <> ? AND volunteer_person_id <> ?
                    RETURNING 1""";
        }

        @Override
        public Object[] parameters() {
            return new Object[] {line.centiPoints(), line.orderId(), line.payerPersonId(), line.centiPoints(),
                enteredBy, enteredBy};
        }

        @Override
        public Optional<ApiProblem> refusal() {
            return PaperPointBook.this.refusal(branch, line, enteredBy);
        }
    }

    /** Why the line cannot settle its order, the first reason that applies; empty if it can. */
    private Optional<ApiProblem> refusal(BranchCode branch, Line line, long enteredBy) {
        List<Order> orders = sql.query("SELECT id, requester_person_id, volunteer_person_id, status, credited, paid "
                        + "FROM " + branch.schemaName() + ".service_request WHERE id = ?",
                row -> new Order(row.getLong(1), row.getLong(2), row.getObject(3, Long.class), row.getString(4),
                        row.getLong(5), row.getLong(6)), line.orderId());
        if (orders.isEmpty()) {
            return Optional.of(ApiProblem.notFound("request-not-found", "No such service request here"));
        }
        Order order = orders.get(0);
        if (order.requesterPersonId() != line.payerPersonId()) {
            return Optional.of(ApiProblem.unprocessable("service-not-received", "The member did not receive this service: "
                    + "points leave a member only for a service they received"));
        }
        if (order.requesterPersonId() == enteredBy || Long.valueOf(enteredBy).equals(order.volunteerPersonId())) {
            return Optional.of(ApiProblem.forbidden("own-entry",
                    "Nobody enters a line of a service they received or gave"));
        }
        if (!"COMPLETED".equals(order.status())) {
            return Optional.of(ApiProblem.conflict("request-not-completed",
                    "This service is " + order.status() + ": a line follows a completed service"));
        }
        long open = order.credited() - order.paid();
        if (line.centiPoints() > open) {
            return Optional.of(new ApiProblem(422, "exceeds-hours-served", "This service leaves "
                    + Points.format(open) + " points to pay for its hours served",
                    Map.of("payable", Points.format(open))));
        }
        return Optional.empty();
    }

    private static String noteOf(Line line) {
        String book = "纸质积分登记本 " + line.formNo();
        return line.note() == null || line.note().isBlank() ? book : book + ":" + line.note().strip();
    }
}
