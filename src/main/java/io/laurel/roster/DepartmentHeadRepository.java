package io.laurel.roster;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentHeadRepository extends JpaRepository<DepartmentHead, String> {

    Optional<DepartmentHead> findByUserId(String userId);
}
