package io.laurel.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A past win of an award by an employee, needed for the "three years in a row, then sit out one" rule. */
@Embeddable
public class AwardWin {

    @Column(name = "award_code", nullable = false, length = 64)
    private String awardCode;

    @Column(name = "win_year", nullable = false)
    private int year;

    protected AwardWin() {
    }

    public AwardWin(String awardCode, int year) {
        this.awardCode = awardCode;
        this.year = year;
    }

    public String getAwardCode() {
        return awardCode;
    }

    public int getYear() {
        return year;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AwardWin w && w.year == year && w.awardCode.equals(awardCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awardCode, year);
    }
}
