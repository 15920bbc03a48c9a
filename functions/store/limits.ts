/** DynamoDB's limit on items in one `TransactWriteItems` call. */
export const MAX_TRANSACTION_ITEMS = 100;
