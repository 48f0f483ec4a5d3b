/** The leader's log broker (swarmkit `manager/logbroker`): gathers task logs from the nodes. */
export {
  LOG_ANSWER_TIMEOUT_MS,
  brokerLogs,
  type BrokerNodes,
  type LogTransport,
  type NodeAnswer,
} from './broker';
