#include "export/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace chronograph::exporters {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/atomic_file_test.XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::remove((dir_ + "/out.txt").c_str());
    std::remove((dir_ + "/.out.txt.tmp").c_str());
    rmdir(dir_.c_str());
  }
  static bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string dir_;
};

TEST(TempPathForTest, Table) {
  struct Case {
    const char* path;
    const char* tmp;
  };
  const Case cases[] = {
      {"out/graph.graphml", "out/.graph.graphml.tmp"},
      {"graph.graphml", ".graph.graphml.tmp"},
      {"/a/b/c.json", "/a/b/.c.json.tmp"},
  };
  for (const Case& c : cases) EXPECT_EQ(TempPathFor(c.path), c.tmp) << c.path;
}

TEST_F(AtomicFileTest, WritesAndLeavesNoTempFile) {
  const std::string path = dir_ + "/out.txt";
  const Status s = WriteFileAtomically(path, [](std::ostream& out) {
    out << "hello\n";
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Read(path), "hello\n");
  EXPECT_FALSE(Exists(TempPathFor(path)));
}

TEST_F(AtomicFileTest, FailuresKeepTheEarlierFile) {
  const std::string path = dir_ + "/out.txt";
  ASSERT_TRUE(WriteFileAtomically(path, [](std::ostream& out) {
                out << "old";
                return Status::Ok();
              }).ok());
  struct Case {
    const char* name;
    std::function<Status(std::ostream&)> writer;
    const char* message_part;
  };
  const Case cases[] = {
      {"writer status",
       [](std::ostream& out) {
         out << "half";
         return Status::InvalidInput("bad input");
       },
       "bad input"},
      {"writer throws",
       [](std::ostream& out) -> Status {
         out << "half";
         throw std::runtime_error("boom");
       },
       "boom"},
      {"stream failure",
       [](std::ostream& out) {
         out << "half";
         out.setstate(std::ios::badbit);
         return Status::Ok();
       },
       "out.txt"},
  };
  for (const Case& c : cases) {
    const Status s = WriteFileAtomically(path, c.writer);
    EXPECT_FALSE(s.ok()) << c.name;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << c.name << ": " << s.ToString();
    EXPECT_EQ(Read(path), "old") << c.name;
    EXPECT_FALSE(Exists(TempPathFor(path))) << c.name;
  }
}

TEST_F(AtomicFileTest, MissingDirectoryNamesThePath) {
  const std::string path = dir_ + "/no/such/dir/out.txt";
  bool called = false;
  const Status s = WriteFileAtomically(path, [&](std::ostream&) {
    called = true;
    return Status::Ok();
  });
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(called);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find(path), std::string::npos) << s.ToString();
}

TEST_F(AtomicFileTest, RenameFailureRemovesTemp) {
  // A directory at the target path makes rename(2) fail.
  const std::string path = dir_ + "/out.txt";
  ASSERT_EQ(mkdir(path.c_str(), 0755), 0);
  const Status s = WriteFileAtomically(path, [](std::ostream& out) {
    out << "x";
    return Status::Ok();
  });
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path), std::string::npos) << s.ToString();
  EXPECT_FALSE(Exists(TempPathFor(path)));
  rmdir(path.c_str());
}

// An open OutputSet holds every finished file back until Commit renames them
// all; abandoned, it removes them and the earlier files stay.
TEST_F(AtomicFileTest, OutputSetReplacesAllOrNothing) {
  const std::string path = dir_ + "/out.txt";
  ASSERT_TRUE(WriteFileAtomically(path, [](std::ostream& os) {
                os << "old";
                return Status::Ok();
              }).ok());
  {
    OutputSet set;
    ASSERT_TRUE(WriteFileAtomically(path, [](std::ostream& os) {
                  os << "new";
                  return Status::Ok();
                }).ok());
    EXPECT_EQ(Read(path), "old") << "not renamed before Commit";
    EXPECT_TRUE(Exists(dir_ + "/.out.txt.tmp"));
    set.Abandon();
    EXPECT_FALSE(Exists(dir_ + "/.out.txt.tmp"));
  }
  EXPECT_EQ(Read(path), "old");
  OutputSet set;
  ASSERT_TRUE(WriteFileAtomically(path, [](std::ostream& os) {
                os << "new";
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(set.Commit().ok());
  EXPECT_EQ(Read(path), "new");
  EXPECT_FALSE(Exists(dir_ + "/.out.txt.tmp"));
}

// A second lock on the same directory is refused while the first is held,
// and the lock file is gone once released.
TEST_F(AtomicFileTest, DirectoryLockRefusesASecondHolder) {
  {
    DirectoryLock first;
    ASSERT_TRUE(DirectoryLock::Acquire(dir_, &first).ok());
    DirectoryLock second;
    const Status refused = DirectoryLock::Acquire(dir_, &second);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("another chronograph run is writing to this directory"), std::string::npos);
  }
  EXPECT_FALSE(Exists(dir_ + "/.chronograph.lock"));
  DirectoryLock again;
  EXPECT_TRUE(DirectoryLock::Acquire(dir_, &again).ok());
}

}  // namespace
}  // namespace chronograph::exporters
