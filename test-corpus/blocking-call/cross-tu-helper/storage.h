#pragma once
void persist_record(int id);
