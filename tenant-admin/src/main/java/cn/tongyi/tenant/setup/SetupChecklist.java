package cn.tongyi.tenant.setup;

import cn.tongyi.tenant.registry.Branch;
import cn.tongyi.tenant.registry.BranchCode;
import cn.tongyi.web.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** R-BRANCH-2: the 3-month set-up checklist of each branch. */
@ApplicationScoped
public class SetupChecklist {

    static final int SETUP_MONTHS = 3;

    private final BusinessClock clock;

    SetupChecklist(BusinessClock clock) {
        this.clock = clock;
    }

    public record Progress(int done, int total, LocalDate dueDate, boolean overdue) {
    }

    public record Entry(SetupItem item, boolean done, String note, String updatedBy, OffsetDateTime updatedAt) {
    }

    public void open(BranchCode branch) {
        for (SetupItem item : SetupItem.values()) {
            SetupChecklistEntry entry = new SetupChecklistEntry();
            entry.branchCode = branch.value();
            entry.item = item;
            entry.persist();
        }
    }

    public List<Entry> entries(String branchCode) {
        return SetupChecklistEntry.<SetupChecklistEntry>list("branchCode", branchCode).stream()
                .sorted(Comparator.comparing(e -> e.item))
                .map(e -> new Entry(e.item, e.done, e.note, e.updatedBy, e.updatedAt))
                .toList();
    }

    public Progress progress(Branch branch) {
        long done = SetupChecklistEntry.count("branchCode = ?1 and done = true", branch.code);
        return progress(branch, done);
    }

    /** Progress of many branches with one query. */
    public Map<String, Progress> progress(List<Branch> branches) {
        Map<String, Long> doneByBranch = SetupChecklistEntry.getEntityManager()
                .createQuery("select e.branchCode, count(e) from SetupChecklistEntry e where e.done = true"
                        + " group by e.branchCode", Object[].class)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
        return branches.stream().collect(Collectors.toMap(b -> b.code,
                b -> progress(b, doneByBranch.getOrDefault(b.code, 0L)), (a, b) -> a, LinkedHashMap::new));
    }

    private Progress progress(Branch branch, long done) {
        int total = SetupItem.values().length;
        LocalDate due = branch.createdAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate().plusMonths(SETUP_MONTHS);
        boolean overdue = done < total && clock.today().isAfter(due);
        return new Progress((int) done, total, due, overdue);
    }

    @Transactional
    public Entry tick(BranchCode branch, SetupItem item, boolean done, String note, String username) {
        SetupChecklistEntry entry = SetupChecklistEntry
                .<SetupChecklistEntry>find("branchCode = ?1 and item = ?2", branch.value(), item)
                .singleResult();
        entry.done = done;
        entry.note = note;
        entry.updatedBy = username;
        entry.updatedAt = OffsetDateTime.now();
        return new Entry(entry.item, entry.done, entry.note, entry.updatedBy, entry.updatedAt);
    }
}
