package io.laurel.security;

import io.laurel.identity.LaurelGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricIdentityLinkLogQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Closes a door Camunda's historic instance permissions open. With {@code enable-historic-instance-permissions}
 * (needed for Tasklist's comments, see application.yml) the history queries for variables, variable details
 * and identity links join the task history <em>on the process instance</em>: READ on one's own task grants
 * every variable of the whole campaign instance — another head's saved draft, eligibility data, scores. Only
 * the campaign staff and admins (who hold READ_HISTORY on the process anyway) may run these queries; for
 * everyone else they are refused with 403, on {@code /engine-rest} and in the web apps alike. Queries the
 * application makes without an authenticated user are not touched.
 */
@Component
class HistoryVariableGuard extends AbstractProcessEnginePlugin {

    static final Set<String> MAY_READ = Set.of(LaurelGroups.HR, LaurelGroups.ASSOCIATION_STAFF, LaurelGroups.ADMIN);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> existing,
            ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(new Guard(configuration));
        return interceptors;
    }

    private static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof HistoricVariableInstanceQueryImpl || command instanceof HistoricDetailQueryImpl
                    || command instanceof HistoricIdentityLinkLogQueryImpl) {
                Authentication user = configuration.getIdentityService().getCurrentAuthentication();
                if (user != null && user.getUserId() != null && (user.getGroupIds() == null
                        || user.getGroupIds().stream().noneMatch(MAY_READ::contains))) {
                    throw new AuthorizationException("无权访问:流程历史中的变量和参与人记录仅供活动组织者(人力资源部、协会秘书处)"
                            + "和系统管理员查看");
                }
            }
            return next.execute(command);
        }
    }
}
