package cn.tongyi.core.member;

import cn.tongyi.core.building.Building;
import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a paper register (CSV, one member per line) all or nothing: every line is checked first, and only a file
 * without a single error is registered, in one transaction. The error report names line, field and reason.
 */
@ApplicationScoped
public class MemberImport {

    static final int MAX_LINES = 2000;
    static final List<String> COLUMNS = List.of("name", "phone", "idNumber", "building", "unit", "address",
            "emergencyName", "emergencyPhone", "paperFormNo");

    /** Columns whose missing value {@link #toLine} has already reported in the file's own terms. */
    private static final Set<String> REPORTED_WHEN_PARSED = Set.of("buildingId", "unit");

    private final MemberRegistration registration;
    private final MemberAccess access;
    private final Validator validator;

    MemberImport(MemberRegistration registration, MemberAccess access, Validator validator) {
        this.registration = registration;
        this.access = access;
        this.validator = validator;
    }

    private record Line(int number, MemberDetails details, String paperFormNo) {
    }

    @Transactional
    public List<UUID> importRegister(String csv, String steward) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<Line> lines = parse(csv, errors);
        Map<String, Integer> seen = new HashMap<>();
        for (Line line : lines) {
            check(line, seen, errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "import-rejected",
                    errors.size() + " problems in the file; nothing was imported", errors);
        }
        List<UUID> imported = new ArrayList<>();
        for (Line line : lines) {
            imported.add(registration.register(line.details(), Optional.empty(), new MemberRegistration.Source(
                    Member.Channel.STEWARD, line.paperFormNo(), steward, null)).id);
        }
        return imported;
    }

    private List<Line> parse(String csv, List<ApiProblem.FieldError> errors) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv.strip()), format)) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw ApiProblem.badRequest("import-header",
                        "The first line must name the columns " + COLUMNS + "; missing " + missing);
            }
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() == MAX_LINES) {
                    throw ApiProblem.badRequest("import-too-long", "At most " + MAX_LINES + " members per file");
                }
                int number = (int) parser.getCurrentLineNumber();
                if (record.isConsistent()) {
                    lines.add(toLine(record, number, errors));
                } else {
                    errors.add(new ApiProblem.FieldError(number, "line",
                            "Expected " + parser.getHeaderNames().size() + " columns, found " + record.size()));
                }
            }
            if (lines.isEmpty() && errors.isEmpty()) {
                throw ApiProblem.badRequest("import-empty", "The file holds no member");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiProblem.badRequest("import-malformed", "The file is not valid CSV: " + e.getMessage());
        }
    }

    private static Line toLine(CSVRecord record, int number, List<ApiProblem.FieldError> errors) {
        Long buildingId = Building.<Building>find("name", record.get("building")).firstResultOptional()
                .map(b -> b.id).orElse(null);
        if (buildingId == null) {
            errors.add(new ApiProblem.FieldError(number, "building", "No building named " + record.get("building")));
        }
        Integer unit = null;
        try {
            unit = Integer.valueOf(record.get("unit"));
        } catch (NumberFormatException e) {
            errors.add(new ApiProblem.FieldError(number, "unit", "Not a number"));
        }
        String emergencyName = blankToNull(record.get("emergencyName"));
        MemberDetails.EmergencyContact emergency = emergencyName == null ? null
                : new MemberDetails.EmergencyContact(emergencyName, record.get("emergencyPhone"));
        MemberDetails details = new MemberDetails(record.get("name"), blankToNull(record.get("phone")),
                record.get("idNumber"), buildingId, unit, record.get("address"), emergency);
        return new Line(number, details, blankToNull(record.get("paperFormNo")));
    }

    private void check(Line line, Map<String, Integer> seen, List<ApiProblem.FieldError> errors) {
        if (line.paperFormNo() == null) {
            errors.add(new ApiProblem.FieldError(line.number(), "paperFormNo", "must not be blank"));
        }
        Set<ConstraintViolation<MemberDetails>> violations = validator.validate(line.details());
        violations.stream()
                .filter(v -> v.getInvalidValue() != null
                        || !REPORTED_WHEN_PARSED.contains(v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new ApiProblem.FieldError(line.number(), v.getPropertyPath().toString(),
                        v.getMessage())));
        if (!violations.isEmpty()) {
            return;
        }
        try {
            access.requireCareOfBuilding(line.details().buildingId());
            registration.check(line.details());
        } catch (ApiProblem problem) {
            problem.errors().forEach(e -> errors.add(new ApiProblem.FieldError(line.number(), e.field(), e.message())));
            return;
        }
        for (String key : List.of("idNumber:" + line.details().idNumber().strip().toUpperCase(),
                "phone:" + line.details().phone())) {
            Integer earlier = key.endsWith(":null") ? null : seen.putIfAbsent(key, line.number());
            if (earlier != null) {
                String field = key.substring(0, key.indexOf(':'));
                errors.add(new ApiProblem.FieldError(line.number(), field, "Same as line " + earlier));
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
